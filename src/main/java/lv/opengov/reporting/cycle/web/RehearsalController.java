package lv.opengov.reporting.cycle.web;

import lv.opengov.reporting.cycle.Rehearsal;
import lv.opengov.reporting.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rehearsal's clock, for coordinators, in the demo profile only: outside it the route does not exist.
 * {@code POST} with one of {@code {"to": "2026-12-15"}}, {@code {"by": "P1D"}}, {@code {"workingDays": 1}}
 * or {@code {"next": true, "cycleId": 1}} moves the application's and the engine's clocks forward.
 */
@RestController
@Profile("demo")
@RequestMapping("/api/demo/clock")
@PreAuthorize("@access.isCoordinator()")
class RehearsalController {

    private final Rehearsal rehearsal;
    private final CurrentUser currentUser;

    RehearsalController(Rehearsal rehearsal, CurrentUser currentUser) {
        this.rehearsal = rehearsal;
        this.currentUser = currentUser;
    }

    @GetMapping
    Rehearsal.Time now() {
        return rehearsal.now();
    }

    @PostMapping
    Rehearsal.Time move(@RequestBody Rehearsal.Move move) {
        return rehearsal.move(move, currentUser.id());
    }
}
