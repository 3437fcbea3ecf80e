package lv.opengov.reporting.cycle.web;

import java.util.List;
import lv.opengov.reporting.common.ConflictException;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.cycle.Rehearsal;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rehearsal's control on a cycle's page, for coordinators, in the demo profile only: the
 * application's time, and moving it to the cycle's next event, by one working day or to a date. A
 * refused move changes nothing and comes back to the page with the reason.
 */
@Controller
@Profile("demo")
class RehearsalPages {

    private final Rehearsal rehearsal;
    private final CurrentUser currentUser;

    RehearsalPages(Rehearsal rehearsal, CurrentUser currentUser) {
        this.rehearsal = rehearsal;
        this.currentUser = currentUser;
    }

    @PostMapping("/cycles/{id}/rehearsal")
    @PreAuthorize("@access.isCoordinator()")
    String move(@PathVariable Long id, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer workingDays, @RequestParam(defaultValue = "false") boolean next,
            RedirectAttributes redirect) {
        try {
            Rehearsal.Time time = rehearsal.move(new Rehearsal.Move(to, null, workingDays, next, next ? id : null),
                    currentUser.id());
            redirect.addFlashAttribute("rehearsalMoved", time.localTime());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("rehearsalProblems", e.getErrors().stream()
                    .map(p -> ((FieldProblem) p).message()).toList());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("rehearsalProblems", List.of(e.getMessage()));
        }
        return "redirect:/cycles/" + id + "#rehearsal";
    }

    /** Gives the cycle's page the application's time, for coordinators, which shows them the control. */
    @ControllerAdvice(assignableTypes = CyclePages.class)
    @Profile("demo")
    static class Control {

        private final Rehearsal rehearsal;
        private final Access access;

        Control(Rehearsal rehearsal, Access access) {
            this.rehearsal = rehearsal;
            this.access = access;
        }

        @ModelAttribute
        void time(Model model) {
            if (access.isCoordinator()) {
                model.addAttribute("rehearsal", rehearsal.now());
            }
        }
    }
}
