package lv.opengov.reporting.system.web;

import lv.opengov.reporting.identity.Access;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After login each role lands on its own start page. */
@Controller
class HomePages {

    private final Access access;

    HomePages(Access access) {
        this.access = access;
    }

    @GetMapping("/")
    String home() {
        if (access.isCoordinator()) {
            return "redirect:/cycles";
        }
        if (!access.institutionCodes().isEmpty()) {
            return "redirect:/my";
        }
        if (access.groupIds().contains(lv.opengov.reporting.identity.Groups.REVIEWERS)) {
            return "redirect:/my";
        }
        if (access.isBoardMember()) {
            return "redirect:/public";
        }
        return "system/home";
    }
}
