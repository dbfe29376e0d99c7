package baseline.startup;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bare application's one endpoint, behind its login. */
@RestController
class NoteController {

    private final Notes notes;

    NoteController(Notes notes) {
        this.notes = notes;
    }

    @GetMapping("/notes/count")
    long count() {
        return notes.count();
    }
}
