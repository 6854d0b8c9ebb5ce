package com.deskledger.command.member;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.TimeWindow;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The member import file: its columns (each with an English and a Chinese name; a header cell may give either, or
 * both as {@code 中文/english} as the template does), the template, and the reading of one row into typed values
 * or into the problems found in it. Everything here is about one row; duplicates between rows and against the
 * members already in DeskLedger are found by {@link MemberImports}.
 */
final class ImportFormat {

    /** Problem codes of the dry-run report. */
    enum Problem {
        MISSING_VALUE, TEXT_INVALID, TOO_LONG, UNKNOWN_KIND, PHONE_MALFORMED, EMAIL_MALFORMED, GUARDIAN_REQUIRED,
        IDENTITY_REQUIRED, UNKNOWN_PLAN, NOT_A_NUMBER, NEGATIVE_CREDITS, CREDITS_OUT_OF_RANGE, UNREADABLE_DATE,
        DATE_OUT_OF_RANGE, AMOUNT_INVALID, UNKNOWN_PAYMENT_METHOD, UNKNOWN_STATUS, PACKAGE_INCONSISTENT,
        WRONG_CENTRE, DUPLICATE_ROW, DUPLICATE_MEMBER, COLUMN_COUNT
    }

    enum Column {
        MEMBER_NUMBER("member_number", "会员编号", false, 50),
        CENTRE("centre", "中心", false, 40),
        KIND("kind", "会员类型", false, 10),
        NAME("name", "姓名", true, 100),
        ID_NUMBER("id_number", "证件号码", true, 40),
        PHONE("phone", "电话", true, 30),
        EMAIL("email", "邮箱", true, 200),
        GUARDIAN_NAME("guardian_name", "监护人姓名", true, 100),
        GUARDIAN_PHONE("guardian_phone", "监护人电话", true, 30),
        PACKAGE_KIND("package_kind", "套餐类型", false, 20),
        PLAN("plan", "套餐名称", false, 100),
        CREDITS("credits", "购买课时", false, 10),
        CREDITS_LEFT("credits_left", "剩余课时", false, 10),
        VALID_FROM("valid_from", "开始日期", false, 20),
        VALID_UNTIL("valid_until", "截止日期", false, 20),
        PRICE_PAID("price_paid", "实付金额", false, 20),
        PAYMENT_METHOD("payment_method", "支付方式", false, 20),
        PURCHASE_DATE("purchase_date", "购买日期", false, 20),
        STATUS("status", "状态", false, 10),
        FROZEN_UNTIL("frozen_until", "冻结至", false, 20);

        final String english;
        final String chinese;
        /** Its values are personal data: a report shows them masked. */
        final boolean personal;
        final int maxLength;

        Column(String english, String chinese, boolean personal, int maxLength) {
            this.english = english;
            this.chinese = chinese;
            this.personal = personal;
            this.maxLength = maxLength;
        }

        String heading() {
            return chinese + "/" + english;
        }
    }

    /** Columns every file must have; the others may be left out of the header. */
    static final Set<Column> REQUIRED_COLUMNS = Set.of(Column.MEMBER_NUMBER, Column.KIND, Column.NAME);

    /** One problem of one row: the column (null for the row as a whole), the value as shown, what is wrong. */
    record RowProblem(int row, Column column, String value, Problem code, String message) {
    }

    /** What a row says, read and checked; dates are the centre's days, {@code validUntil} the last day. */
    record Row(int row, String memberNumber, MemberKind kind, String name, String idNumber, String phone,
               String email, String guardianName, String guardianPhone, PackageKind packageKind, String plan,
               Integer credits, Integer creditsLeft, LocalDate validFrom, LocalDate validUntil, Long priceMinor,
               PaymentMethod paymentMethod, LocalDate purchaseDate, boolean frozen, LocalDate frozenUntil) {

        boolean hasPackage() {
            return packageKind != null;
        }

        @Override
        public String toString() {
            return "Row[" + row + ", personal data hidden]";
        }
    }

    /** What a row is checked against. {@code plans} empty: any plan name is known. */
    record Rules(CentreId centre, String currency, Set<String> plans, MoneyLimits limits, TimeWindow validity,
                 LocalDate today) {
    }

    /** A row read: its values when it has no problem, else its problems. */
    record Read(Row row, List<RowProblem> problems) {
    }

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final Map<String, MemberKind> KINDS = Map.of("child", MemberKind.CHILD, "儿童", MemberKind.CHILD,
            "adult", MemberKind.ADULT, "成人", MemberKind.ADULT);
    private static final Map<String, PackageKind> PACKAGE_KINDS = Map.of("credit_pack", PackageKind.CREDIT_PACK,
            "课时包", PackageKind.CREDIT_PACK, "time_membership", PackageKind.TIME_MEMBERSHIP,
            "期限卡", PackageKind.TIME_MEMBERSHIP);
    private static final Map<String, PaymentMethod> PAYMENT_METHODS = Map.of("cash", PaymentMethod.CASH,
            "现金", PaymentMethod.CASH, "card", PaymentMethod.CARD, "刷卡", PaymentMethod.CARD,
            "wechat_pay", PaymentMethod.WECHAT_PAY, "微信", PaymentMethod.WECHAT_PAY, "alipay", PaymentMethod.ALIPAY,
            "支付宝", PaymentMethod.ALIPAY, "transfer", PaymentMethod.TRANSFER, "转账", PaymentMethod.TRANSFER);
    private static final Map<String, Boolean> STATUSES = Map.of("active", false, "正常", false, "frozen", true,
            "冻结", true);

    private ImportFormat() {
    }

    /** The template: a header row with both names of every column, and two example rows (a child, an adult). */
    static String template() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(java.util.Arrays.stream(Column.values()).map(Column::heading).collect(Collectors.joining(",")))
                .append("\r\n");
        csv.append("GMS-0001,,CHILD,王小明,,,,王芳,13812345678,CREDIT_PACK,Phonics 10,10,7,,,1990.00,WECHAT_PAY,"
                + "2026-03-01,ACTIVE,\r\n");
        csv.append("GMS-0002,,ADULT,李雷,,13900001111,li@example.com,,,TIME_MEMBERSHIP,Gym year,,,2026-01-01,"
                + "2026-12-31,3600.00,CARD,2025-12-28,FROZEN,2026-02-15\r\n");
        return csv.toString();
    }

    /** The column of each header cell; refuses a header without a required column, or with one twice or unknown. */
    static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            Column column = columnNamed(cell);
            if (column == null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "header cell " + (i + 1)
                        + " names no column of the template", "file");
            }
            if (columns.put(column, i) != null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the header names " + column.english
                        + " twice", "file");
            }
        }
        for (Column required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the header has no column "
                        + required.heading(), "file");
            }
        }
        return columns;
    }

    private static Column columnNamed(String cell) {
        String name = cell.toLowerCase(Locale.ROOT).replace(' ', '_');
        for (Column column : Column.values()) {
            if (name.equals(column.english) || name.equals(column.chinese)
                    || name.equals(column.chinese + "/" + column.english)
                    || name.equals(column.english + "/" + column.chinese)) {
                return column;
            }
        }
        return null;
    }

    /** Reads one record of the file (row: its spreadsheet row number). */
    static Read read(int row, List<String> cells, Map<Column, Integer> header, Rules rules) {
        RowReader r = new RowReader(row, cells, header);
        if (cells.size() > header.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1
                && cells.subList(header.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1,
                cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            r.problem(null, "", Problem.COLUMN_COUNT, "the row has more cells than the header has columns");
        }
        String number = r.text(Column.MEMBER_NUMBER);
        if (r.raw(Column.MEMBER_NUMBER) == null) {
            r.missing(Column.MEMBER_NUMBER);
        }
        String centre = r.text(Column.CENTRE);
        if (centre != null && !centre.equals(rules.centre().value())) {
            r.problem(Column.CENTRE, centre, Problem.WRONG_CENTRE, "this import is for centre "
                    + rules.centre().value());
        }
        MemberKind kind = r.choice(Column.KIND, KINDS, Problem.UNKNOWN_KIND, true);
        String name = r.text(Column.NAME);
        if (r.raw(Column.NAME) == null) {
            r.missing(Column.NAME);
        }
        String idNumber = r.text(Column.ID_NUMBER);
        if (idNumber != null && !idNumber.matches("[A-Za-z0-9\\- ]*")) {
            r.problem(Column.ID_NUMBER, idNumber, Problem.TEXT_INVALID, "letters, digits, spaces and dashes only");
            idNumber = null;
        }
        String phone = r.phone(Column.PHONE);
        String email = r.text(Column.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            r.problem(Column.EMAIL, email, Problem.EMAIL_MALFORMED, "not an e-mail address");
        }
        String guardianName = r.text(Column.GUARDIAN_NAME);
        String guardianPhone = r.phone(Column.GUARDIAN_PHONE);
        if (kind == MemberKind.CHILD && (guardianName == null || r.raw(Column.GUARDIAN_PHONE) == null)) {
            Column missing = guardianName == null ? Column.GUARDIAN_NAME : Column.GUARDIAN_PHONE;
            r.problem(missing, "", Problem.GUARDIAN_REQUIRED, "a child needs a guardian's name and phone");
        }
        if (idNumber == null && r.raw(Column.PHONE) == null && r.raw(Column.GUARDIAN_PHONE) == null
                && kind != MemberKind.CHILD) {
            r.problem(Column.ID_NUMBER, "", Problem.IDENTITY_REQUIRED,
                    "an ID number or a phone number is needed to tell members apart");
        }

        PackageKind packageKind = r.choice(Column.PACKAGE_KIND, PACKAGE_KINDS, Problem.PACKAGE_INCONSISTENT, false);
        boolean packageCells = java.util.stream.Stream.of(Column.PLAN, Column.CREDITS, Column.CREDITS_LEFT,
                Column.VALID_FROM, Column.VALID_UNTIL, Column.PRICE_PAID, Column.PAYMENT_METHOD,
                Column.PURCHASE_DATE).anyMatch(c -> r.raw(c) != null);
        String plan = null;
        Integer credits = null;
        Integer creditsLeft = null;
        LocalDate validFrom = null;
        LocalDate validUntil = null;
        Long price = null;
        PaymentMethod method = null;
        LocalDate purchased = null;
        if (packageKind == null && packageCells && r.raw(Column.PACKAGE_KIND) == null) {
            r.problem(Column.PACKAGE_KIND, "", Problem.MISSING_VALUE,
                    "package cells are filled in: say CREDIT_PACK or TIME_MEMBERSHIP");
        }
        if (packageKind != null) {
            plan = r.text(Column.PLAN);
            if (r.raw(Column.PLAN) == null) {
                r.missing(Column.PLAN);
            } else if (plan != null && !rules.plans().isEmpty()
                    && rules.plans().stream().noneMatch(plan::equalsIgnoreCase)) {
                r.problem(Column.PLAN, plan, Problem.UNKNOWN_PLAN, "no such plan at this centre");
            }
            if (packageKind == PackageKind.CREDIT_PACK) {
                creditsLeft = r.count(Column.CREDITS_LEFT, true);
                credits = r.count(Column.CREDITS, false);
                if (credits == null && creditsLeft != null && creditsLeft > 0) {
                    credits = creditsLeft;
                } else if (credits == null && creditsLeft != null && r.raw(Column.CREDITS) == null) {
                    r.problem(Column.CREDITS, "", Problem.MISSING_VALUE,
                            "a pack with no credit left says how many credits were bought");
                }
                if (credits != null && (credits < 1 || credits > MemberAccount.MAX_CREDITS)) {
                    r.problem(Column.CREDITS, r.raw(Column.CREDITS), Problem.CREDITS_OUT_OF_RANGE,
                            "a pack has 1 to " + MemberAccount.MAX_CREDITS + " credits");
                    credits = null;
                }
                if (credits != null && creditsLeft != null && creditsLeft > credits) {
                    r.problem(Column.CREDITS_LEFT, r.raw(Column.CREDITS_LEFT), Problem.CREDITS_OUT_OF_RANGE,
                            "more credits left than were bought");
                }
                if (r.raw(Column.VALID_FROM) != null || r.raw(Column.VALID_UNTIL) != null) {
                    Column given = r.raw(Column.VALID_FROM) != null ? Column.VALID_FROM : Column.VALID_UNTIL;
                    r.problem(given, r.raw(given), Problem.PACKAGE_INCONSISTENT, "a credit pack has no validity dates");
                }
            } else {
                validFrom = r.date(Column.VALID_FROM, true);
                validUntil = r.date(Column.VALID_UNTIL, true);
                if (validFrom != null) {
                    r.inWindow(Column.VALID_FROM, validFrom, rules);
                }
                if (validUntil != null) {
                    r.inWindow(Column.VALID_UNTIL, validUntil, rules);
                }
                if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                    r.problem(Column.VALID_UNTIL, r.raw(Column.VALID_UNTIL), Problem.PACKAGE_INCONSISTENT,
                            "the last day comes before the first");
                }
                if (r.raw(Column.CREDITS) != null || r.raw(Column.CREDITS_LEFT) != null) {
                    Column given = r.raw(Column.CREDITS) != null ? Column.CREDITS : Column.CREDITS_LEFT;
                    r.problem(given, r.raw(given), Problem.PACKAGE_INCONSISTENT, "a time membership has no credits");
                }
            }
            price = r.amount(Column.PRICE_PAID, rules);
            method = r.choice(Column.PAYMENT_METHOD, PAYMENT_METHODS, Problem.UNKNOWN_PAYMENT_METHOD, true);
            purchased = r.date(Column.PURCHASE_DATE, true);
            if (purchased != null) {
                if (purchased.isAfter(rules.today())) {
                    r.problem(Column.PURCHASE_DATE, r.raw(Column.PURCHASE_DATE), Problem.DATE_OUT_OF_RANGE,
                            "lies in the future");
                } else {
                    r.inWindow(Column.PURCHASE_DATE, purchased, rules);
                }
            }
        }
        Boolean frozen = r.choice(Column.STATUS, STATUSES, Problem.UNKNOWN_STATUS, false);
        LocalDate frozenUntil = r.date(Column.FROZEN_UNTIL, false);
        if (frozenUntil != null && !Boolean.TRUE.equals(frozen)) {
            r.problem(Column.FROZEN_UNTIL, r.raw(Column.FROZEN_UNTIL), Problem.PACKAGE_INCONSISTENT,
                    "only a frozen member is frozen until a date");
        }
        if (!r.problems.isEmpty()) {
            return new Read(null, List.copyOf(r.problems));
        }
        return new Read(new Row(row, number, kind, name, idNumber, phone, email, guardianName, guardianPhone,
                packageKind, plan, credits, creditsLeft, validFrom, validUntil, price, method, purchased,
                Boolean.TRUE.equals(frozen), frozenUntil), List.of());
    }

    /** A value as a report shows it: personal values masked (first and last characters kept). */
    static String shown(Column column, String value) {
        if (value == null) {
            return "";
        }
        value = value.replaceAll("\\p{Cc}", "?");
        if (column == null || !column.personal) {
            return value.length() > 100 ? value.substring(0, 99) + "…" : value;
        }
        int n = value.codePointCount(0, value.length());
        if (n <= 2) {
            return "*".repeat(n);
        }
        int keepStart = n >= 7 ? 3 : 1;
        int keepEnd = n >= 7 ? 2 : 1;
        int[] cps = value.codePoints().toArray();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < n; i++) {
            shown.append(i < keepStart || i >= n - keepEnd ? new String(cps, i, 1) : "*");
        }
        return shown.toString();
    }

    /** Reads the cells of one row, collecting its problems. */
    private static final class RowReader {

        private final int row;
        private final List<String> cells;
        private final Map<Column, Integer> header;
        private final List<RowProblem> problems = new ArrayList<>();

        RowReader(int row, List<String> cells, Map<Column, Integer> header) {
            this.row = row;
            this.cells = cells;
            this.header = header;
        }

        /** The cell stripped, null when empty or the column is not in the file. */
        String raw(Column column) {
            Integer index = header.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /** One line of text within the column's length, or null (with a problem when it is neither). */
        String text(Column column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            boolean clean = value.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                    || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            if (!clean) {
                problem(column, value, Problem.TEXT_INVALID, "holds a control character or a line break");
                return null;
            }
            if (value.length() > column.maxLength) {
                problem(column, value, Problem.TOO_LONG, "at most " + column.maxLength + " characters");
                return null;
            }
            return value;
        }

        String phone(Column column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String compact = value.replaceAll("[\\s()\\-]", "");
            if (!PHONE.matcher(compact).matches()) {
                problem(column, value, Problem.PHONE_MALFORMED, "a phone number has 7 to 15 digits");
                return null;
            }
            return value;
        }

        <T> T choice(Column column, Map<String, T> choices, Problem unknown, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required && raw(column) == null) {
                    missing(column);
                }
                return null;
            }
            T chosen = choices.get(value.toLowerCase(Locale.ROOT));
            if (chosen == null) {
                problem(column, value, unknown, "one of " + choices.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
            return chosen;
        }

        Integer count(Column column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required && raw(column) == null) {
                    missing(column);
                }
                return null;
            }
            if (!value.matches("[-+]?[0-9]{1,9}")) {
                problem(column, value, Problem.NOT_A_NUMBER, "a whole number");
                return null;
            }
            int n = Integer.parseInt(value);
            if (n < 0) {
                problem(column, value, Problem.NEGATIVE_CREDITS, "credits are never negative");
                return null;
            }
            return n;
        }

        LocalDate date(Column column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required && raw(column) == null) {
                    missing(column);
                }
                return null;
            }
            Matcher m = DATE.matcher(value);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException noSuchDay) {
                    // falls through to the problem below
                }
            }
            problem(column, value, Problem.UNREADABLE_DATE, "a date such as 2026-03-01");
            return null;
        }

        void inWindow(Column column, LocalDate date, Rules rules) {
            try {
                rules.validity().check(date, rules.today(), column.english);
            } catch (DomainException outside) {
                problem(column, raw(column), Problem.DATE_OUT_OF_RANGE, outside.getMessage());
            }
        }

        Long amount(Column column, Rules rules) {
            String value = text(column);
            if (value == null) {
                if (raw(column) == null) {
                    missing(column);
                }
                return null;
            }
            String plain = value.replace(",", "").replace("¥", "").replace("￥", "").strip();
            if (!AMOUNT.matcher(plain).matches()) {
                problem(column, value, Problem.AMOUNT_INVALID, "an amount such as 1990.00");
                return null;
            }
            BigDecimal amount = new BigDecimal(plain);
            int digits = Math.max(0, Currency.getInstance(rules.currency()).getDefaultFractionDigits());
            if (amount.signum() < 0) {
                problem(column, value, Problem.AMOUNT_INVALID, "an amount paid is zero or more");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > digits) {
                problem(column, value, Problem.AMOUNT_INVALID, rules.currency() + " has " + digits + " decimals");
                return null;
            }
            BigDecimal minor = amount.movePointRight(digits);
            if (minor.compareTo(BigDecimal.valueOf(rules.limits().maxMinor(rules.currency()))) > 0) {
                problem(column, value, Problem.AMOUNT_INVALID, "at most "
                        + rules.limits().maxAmount().toPlainString() + " " + rules.currency());
                return null;
            }
            return minor.longValueExact();
        }

        void missing(Column column) {
            problem(column, "", Problem.MISSING_VALUE, "required");
        }

        void problem(Column column, String value, Problem code, String message) {
            problems.add(new RowProblem(row, column, shown(column, value), code, message));
        }
    }
}
