package lv.opengov.reporting.publication.web;

import lv.opengov.reporting.publication.ReportExports;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The consolidated report as a page; its files are {@link ReportController}'s. */
@Controller
class ReportPages {

    private final ReportExports exports;

    ReportPages(ReportExports exports) {
        this.exports = exports;
    }

    @GetMapping("/cycles/{id}/report")
    String page(@PathVariable Long id, Model model) {
        model.addAttribute("report", exports.report(id, LocaleContextHolder.getLocale()));
        model.addAttribute("pdf", false);
        return "publication/report";
    }
}
