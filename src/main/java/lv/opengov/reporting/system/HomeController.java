package lv.opengov.reporting.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: where each kind of work is done. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
