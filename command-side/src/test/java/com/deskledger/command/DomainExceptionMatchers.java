package com.deskledger.command;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the aggregate fixture tests: a refusal is a DomainException with a given code. */
public final class DomainExceptionMatchers {

    private DomainExceptionMatchers() {
    }

    /** Matches a {@link DomainException} carrying the given {@link ErrorCode}. */
    public static Matcher<DomainException> hasCode(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception) {
                return exception.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(DomainException exception, Description mismatch) {
                mismatch.appendText("code was ").appendValue(exception.code());
            }
        };
    }
}
