package com.deskledger.query.web;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Sums of money taken from SQL exactly. PostgreSQL sums {@code bigint} columns as {@code numeric}, which cannot
 * overflow; the views keep them {@code numeric} (no cast back to {@code bigint}, which failed with "bigint out of
 * range") and read them here, where a total beyond a {@code long} is refused with
 * {@link ErrorCode#AMOUNT_TOO_LARGE} instead of wrapping round or failing with a 500. With the edge's limit per
 * amount (1,000,000.00) no centre comes near it.
 */
public final class ExactSums {

    private ExactSums() {
    }

    public static long of(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof BigInteger integer) {
                return integer.longValueExact();
            }
        } catch (ArithmeticException beyondLong) {
            throw tooLarge();
        }
        return ((Number) value).longValue();
    }

    public static long of(ResultSet rs, String column) throws SQLException {
        return of(rs.getObject(column));
    }

    /** {@code a - b}, refused rather than wrapped round. */
    public static long minus(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException beyondLong) {
            throw tooLarge();
        }
    }

    private static DomainException tooLarge() {
        return new DomainException(ErrorCode.AMOUNT_TOO_LARGE, "a total of this view is too large to be shown exactly");
    }
}
