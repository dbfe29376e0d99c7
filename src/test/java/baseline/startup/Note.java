package baseline.startup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The bare application's one entity, in the table its migration makes. */
@Entity
class Note {

    @Id
    private Long id;
    private String text;

    protected Note() {
        // JPA needs it
    }
}
