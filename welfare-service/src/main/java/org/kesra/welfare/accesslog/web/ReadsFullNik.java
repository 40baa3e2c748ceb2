package org.kesra.welfare.accesslog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kesra.welfare.authorization.WelfareAccess;

/**
 * Marks a read whose answer shows NIKs in full to {@link #value()}: those callers must declare why they read
 * ({@code X-Purpose}), checked by {@link PurposeRequired} before the endpoint runs, and their answer is logged by
 * {@link FullNikAnswers}. Other callers read the NIKs masked and need no purpose.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFullNik {

    WelfareAccess.FullNikReaders value() default WelfareAccess.FullNikReaders.DINSOS_STAFF;
}
