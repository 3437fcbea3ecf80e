package lv.opengov.reporting.archive.web;

import lv.opengov.reporting.archive.PublishedRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The plan's public repository: what was published and when, by half-year; no login. */
@Controller
class RepositoryPages {

    private final PublishedRecord record;

    RepositoryPages(PublishedRecord record) {
        this.record = record;
    }

    @GetMapping("/public/repository")
    String repository(Model model) {
        model.addAttribute("repository", record.repository());
        return "archive/repository";
    }
}
