package baseline.startup;

import org.springframework.data.jpa.repository.JpaRepository;

/** The bare application's one repository. */
interface Notes extends JpaRepository<Note, Long> {
}
