package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import jp.inochi.reminders.links.LinkAction;
import jp.inochi.reminders.links.LinkToken;

/** Registers the plan PDF's purpose with the signed links; opened on the general family page it says where to go. */
@Singleton
class PlanPdfLinkAction implements LinkAction {

    @Override
    public String name() {
        return PlanPdfLink.ACTION;
    }

    @Override
    public Page page(LinkToken token) {
        return Page.done("個別避難計画", List.of("このリンクは個別避難計画のPDFを開くためのものです。メールに記載のリンクをそのまま開いてください。"));
    }

    @Override
    public Page apply(LinkToken token, @Nullable String comment, Instant at) {
        return page(token);
    }
}
