package org.coalitionledger;

import org.coalitionledger.audit.BundleVerifier;
import org.coalitionledger.backup.BackupCommand;
import org.coalitionledger.backup.RestoreCommand;
import org.coalitionledger.copy.CopyToPostgres;
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
        if (args.length > 0 && args[0].equals(BundleVerifier.COMMAND)) {
            // the offline verifier: no application context, no database, no network
            System.exit(BundleVerifier.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(CopyToPostgres.COMMAND)) {
            // a one-off command of the same jar (docs/operations.md): no application is started
            System.exit(CopyToPostgres.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                                           System.out));
        }
        if (args.length > 0 && args[0].equals(BackupCommand.COMMAND)) {
            System.exit(BackupCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                                          System.out));
        }
        if (args.length > 0 && args[0].equals(RestoreCommand.COMMAND)) {
            System.exit(RestoreCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                                           System.out));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
