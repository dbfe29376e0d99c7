package org.coalitionledger;

import org.coalitionledger.audit.BundleVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Coalition Ledger: an event-sourced ledger of coalition acts. */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(BundleVerifier.COMMAND)) {
            // the offline verifier: no application context, no database, no network
            System.exit(BundleVerifier.run(args, System.out, System.err));
        }
        // Axon's update checker also reads this switch; the ledger never connects to anything outside the host.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
