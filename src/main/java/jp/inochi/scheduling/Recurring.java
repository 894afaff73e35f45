package jp.inochi.scheduling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Quartz job bean as a recurring job of this name. When it runs is not in code: the entry of the same name in
 * {@code schedules/jobs.yml} sets it, and a job the file leaves out stops the start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Recurring {

    /** Stable name: the entry in {@code schedules/jobs.yml}, and the job and trigger keys in the shared job store. */
    String value();
}
