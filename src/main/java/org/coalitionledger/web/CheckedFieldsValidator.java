package org.coalitionledger.web;

import java.time.LocalDate;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.coalitionledger.common.Rejection;

/** Turns each rejection of a {@link FieldChecked} request's checks into a violation on the field it names. */
public class CheckedFieldsValidator implements ConstraintValidator<CheckedFields, FieldChecked> {

    @Override
    public boolean isValid(FieldChecked request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        // the validator factory's clock is the application's Clock bean (web.Requests)
        FieldChecks checks = new FieldChecks(LocalDate.now(context.getClockProvider().getClock()));
        request.check(checks);
        if (checks.found().isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (Rejection rejection : checks.found()) {
            // the message is the ledger's own text, never an expression: escape what Bean Validation interpolates
            String message = rejection.getMessage().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                    .replace("$", "\\$");
            var violation = context.buildConstraintViolationWithTemplate(message);
            if (rejection.field() == null) {
                violation.addConstraintViolation();
            } else {
                violation.addPropertyNode(rejection.field()).addConstraintViolation();
            }
        }
        return false;
    }
}
