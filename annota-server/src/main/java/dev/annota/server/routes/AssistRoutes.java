package dev.annota.server.routes;

import dev.annota.app.models.AssistTools;
import dev.annota.core.geometry.PixelBox;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.routes.ModelViews.AutoBoxBody;
import dev.annota.server.routes.ModelViews.AutoTagBody;
import dev.annota.server.routes.ModelViews.ClickToMaskBody;

/**
 * The assisted tools of the annotation UI ({@link AssistTools}) on one image: members of its project (any role)
 * and admins; storing auto-box results as suggestions needs the role manager or annotator.
 */
final class AssistRoutes implements RouteGroup {
    private final AssistTools tools;

    AssistRoutes(AssistTools tools) {
        this.tools = tools;
    }

    @Override
    public void register(Api api) {
        String base = "/images/{imageId}/assist";
        api.add(Route.post(base + "/auto-box", "A detector's boxes on this image: {model_id, threshold (0.3), store (false: "
                + "true stores them as the model's suggestions)}").tag("assist").accepts(AutoBoxBody.class), call -> {
            AutoBoxBody b = call.body(AutoBoxBody.class);
            AssistTools.Boxes r = tools.autoBox(call.actor(), call.path("imageId"), b.modelId(), b.threshold() == null ? 0.3 : b.threshold(),
                    b.store() != null && b.store());
            call.respond(ModelViews.suggestions("boxes", r.model(), r.boxes()).put("stored", r.stored()));
        });
        api.add(Route.post(base + "/click-to-mask", "A foreground model (u2netp) on the crop inside the user's box: {model_id, "
                + "box: [x, y, w, h]} → mask (COCO RLE) and polygon in image coordinates").tag("assist").accepts(ClickToMaskBody.class),
                call -> {
                    ClickToMaskBody b = call.body(ClickToMaskBody.class);
                    PixelBox box = new PixelBox(b.box().get(0), b.box().get(1), b.box().get(2), b.box().get(3));
                    call.respond(ModelViews.mask(tools.clickToMask(call.actor(), call.path("imageId"), b.modelId(), box)));
                });
        api.add(Route.post(base + "/auto-tag", "A classifier's top k as tag suggestions: {model_id, top_k (5)}").tag("assist")
                .accepts(AutoTagBody.class), call -> {
            AutoTagBody b = call.body(AutoTagBody.class);
            AssistTools.Tags r = tools.autoTag(call.actor(), call.path("imageId"), b.modelId(), b.topK() == null ? 5 : b.topK());
            call.respond(ModelViews.suggestions("tags", r.model(), r.tags()));
        });
    }
}
