"""Plain PyTorch baseline for annota-bench's train-head: a linear head (dropout 0.2, dense CLASSES) on standardised
features, Adam (lr 3e-3, weight decay 1e-4) with cosine decay to 1 %, batch 32, torch.set_num_threads(2).

usage: python3 head_torch.py FEATURES.f32 LABELS.i32 TRAIN VAL CLASSES EPOCHS SEED
The files hold N x D float32 features and N int32 labels; the first TRAIN rows train, the next VAL validate.
Prints one JSON object: seconds (training loop and per-epoch validation), val_accuracy."""
import json
import math
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
torch.set_num_interop_threads(1)


def main():
    features, labels = sys.argv[1], sys.argv[2]
    train, val, classes, epochs, seed = (int(a) for a in sys.argv[3:8])
    torch.manual_seed(seed)
    y = torch.from_numpy(np.fromfile(labels, dtype=np.int32).astype(np.int64))
    x = torch.from_numpy(np.fromfile(features, dtype=np.float32).reshape(len(y), -1))
    start = time.perf_counter()
    mean, std = x[:train].mean(0), x[:train].std(0, unbiased=False).clamp_min(1e-3)
    x = (x - mean) / std
    tx, ty, vx, vy = x[:train], y[:train], x[train:train + val], y[train:train + val]
    model = nn.Sequential(nn.Dropout(0.2), nn.Linear(x.shape[1], classes))
    batch = 32
    steps = math.ceil(train / batch)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs * steps, eta_min=3e-5)
    loss_fn = nn.CrossEntropyLoss()
    accuracy = 0.0
    for _ in range(epochs):
        model.train()
        order = torch.randperm(train)
        for s in range(steps):
            i = order[s * batch:(s + 1) * batch]
            optimizer.zero_grad()
            loss_fn(model(tx[i]), ty[i]).backward()
            optimizer.step()
            schedule.step()
        model.eval()
        with torch.no_grad():
            accuracy = (model(vx).argmax(1) == vy).float().mean().item()
    print(json.dumps({"seconds": time.perf_counter() - start, "val_accuracy": accuracy}), flush=True)


if __name__ == "__main__":
    main()
