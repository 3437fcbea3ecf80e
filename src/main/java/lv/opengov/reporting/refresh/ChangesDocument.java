package lv.opengov.reporting.refresh;

import java.util.Locale;
import java.util.stream.Collectors;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Writes a refresh's document for OGP ({@code templates/refresh/changes.html}): the changes and
 * additions with their reasons and the opinions with their responses, without the senders' emails.
 */
@Component
class ChangesDocument {

    private final RefreshQuery refreshes;
    private final PlanService plan;
    private final SpringTemplateEngine templates;

    ChangesDocument(RefreshQuery refreshes, PlanService plan, SpringTemplateEngine templates) {
        this.refreshes = refreshes;
        this.plan = plan;
        this.templates = templates;
    }

    String render(PlanRefresh refresh, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("refresh", refresh);
        context.setVariable("changes", refreshes.changes(refresh.getId()));
        context.setVariable("opinions", refreshes.opinions(refresh.getId()));
        context.setVariable("titles", plan.listMeasures().stream()
                .collect(Collectors.toMap(MeasureView::code, m -> m.title(locale))));
        return templates.process("refresh/changes", context);
    }
}
