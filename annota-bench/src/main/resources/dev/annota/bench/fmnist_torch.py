"""Plain PyTorch baseline for annota-bench's train-fmnist: the network of annota-train's cnn mode at 28 px
(conv 3x3 -> batch norm -> ReLU -> 2x2 max pool with 32 and 64 filters, dense 128, ReLU, dropout 0.3, dense 10)
on 3-channel inputs scaled as (pixel/255 - 0.5)/0.5, Adam with weight decay, cosine learning-rate decay to 1 %,
batch 64, torch.set_num_threads(2). Validation: the last VAL images of the training file (no augmentation).

usage: python3 fmnist_torch.py FOLDER EPOCHS VAL SEED
Prints one JSON object per epoch, then one with the test accuracy."""
import gzip
import json
import math
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
torch.set_num_interop_threads(1)


def idx(path, images):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if images:
        n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
        return np.frombuffer(data, np.uint8, offset=16).reshape(n, rows, cols)
    return np.frombuffer(data, np.uint8, offset=8).astype(np.int64)


def tensor(images):
    x = (images.astype(np.float32) / 255.0 - 0.5) / 0.5
    return torch.from_numpy(np.repeat(x[:, None, :, :], 3, axis=1).copy())


def network():
    layers = []
    channels = 3
    for f in (32, 64):
        layers += [nn.Conv2d(channels, f, 3, padding=1), nn.BatchNorm2d(f, eps=1e-5), nn.ReLU(), nn.MaxPool2d(2)]
        channels = f
    layers += [nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10)]
    return nn.Sequential(*layers)


def accuracy(model, x, y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), 256):
            correct += (model(x[i:i + 256]).argmax(1) == y[i:i + 256]).sum().item()
    return correct / len(x)


def main():
    folder, epochs, val, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.manual_seed(seed)
    train_x = idx(folder + "/train-images-idx3-ubyte.gz", True)
    train_y = idx(folder + "/train-labels-idx1-ubyte.gz", False)
    test_x = tensor(idx(folder + "/t10k-images-idx3-ubyte.gz", True))
    test_y = torch.from_numpy(idx(folder + "/t10k-labels-idx1-ubyte.gz", False))
    x, y = tensor(train_x[:-val]), torch.from_numpy(train_y[:-val])
    vx, vy = tensor(train_x[-val:]), torch.from_numpy(train_y[-val:])
    model = network()
    batch = 64
    steps = math.ceil(len(x) / batch)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs * steps, eta_min=1e-5)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x))
        total = 0.0
        for s in range(steps):
            i = order[s * batch:(s + 1) * batch]
            if len(i) < 2:
                continue
            optimizer.zero_grad()
            loss = loss_fn(model(x[i]), y[i])
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(i)
        val_acc = accuracy(model, vx, vy)
        print(json.dumps({"epoch": epoch, "loss": total / len(x), "val_accuracy": val_acc,
                          "seconds": time.perf_counter() - start}), flush=True)
    print(json.dumps({"test_accuracy": accuracy(model, test_x, test_y), "torch": torch.__version__,
                      "threads": torch.get_num_threads()}), flush=True)


if __name__ == "__main__":
    main()
