package org.coalitionledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Coalition Ledger: an event-sourced ledger of coalition acts. */
@SpringBootApplication
public class LedgerApplication {

    static {
        // Axon's update checker also reads this switch; the ledger never connects to anything outside the host.
        // Set when the class loads, so that it holds however the application is started.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
