package org.coalitionledger.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation of a request record that implements {@link FieldChecked}: every field is checked by the same
 * {@code common.Checks} the aggregates use, and every field at fault becomes a violation of its own, so that a
 * request with several bad fields hears of all of them at once. Rules that need the ledger's state (is the party a
 * member? was the coalition formed by then?) stay in the aggregates.
 */
@Documented
@Constraint(validatedBy = CheckedFieldsValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckedFields {

    String message() default "the request has fields at fault";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
