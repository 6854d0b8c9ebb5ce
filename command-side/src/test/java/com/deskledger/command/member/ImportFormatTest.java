package com.deskledger.command.member;

import com.deskledger.command.member.ImportFormat.Column;
import com.deskledger.command.member.ImportFormat.Problem;
import com.deskledger.command.member.ImportFormat.Read;
import com.deskledger.command.member.ImportFormat.Row;
import com.deskledger.command.member.ImportFormat.RowProblem;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.TimeWindow;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import file: reading CSV as Excel writes it, the header in either language, and every row rule. */
class ImportFormatTest {

    private static final ImportFormat.Rules RULES = new ImportFormat.Rules(CentreId.of("main"), "CNY",
            Set.of("Phonics 10", "Gym year"), MoneyLimits.DEFAULT,
            new TimeWindow(Duration.ofDays(3653), Duration.ofDays(3653), ErrorCode.TIME_OUT_OF_RANGE,
                    ErrorCode.TIME_OUT_OF_RANGE), LocalDate.of(2026, 12, 8));
    private static final String HEADER = "member_number,centre,kind,name,id_number,phone,email,guardian_name,"
            + "guardian_phone,package_kind,plan,credits,credits_left,valid_from,valid_until,price_paid,"
            + "payment_method,purchase_date,status,frozen_until";
    private static final String CHILD = "GMS-1,main,CHILD,Xiao Ming,,,,Wang Fang,138 1234 5678,CREDIT_PACK,"
            + "Phonics 10,10,7,,,1990.00,WECHAT_PAY,2026-03-01,ACTIVE,";

    private static List<List<String>> records(byte[] bytes) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (ImportCsvReader reader = new ImportCsvReader(new ByteArrayInputStream(bytes))) {
            for (List<String> r = reader.next(); r != null; r = reader.next()) {
                all.add(r);
            }
        }
        return all;
    }

    @Test
    void readsExcelsUtf8WithBomQuotesAndLineBreaksInsideQuotes() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,王\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        assertThat(records(file)).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "王"));
    }

    @Test
    void readsWithoutBomAndWithoutFinalLineBreakAndSkipsBlankLinesButCountsThem() throws IOException {
        try (ImportCsvReader reader = new ImportCsvReader(new ByteArrayInputStream(
                "h\n\nx\ny".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.next()).containsExactly("h");
            assertThat(reader.record()).isEqualTo(1);
            assertThat(reader.next()).containsExactly("x");
            assertThat(reader.record()).isEqualTo(3);
            assertThat(reader.next()).containsExactly("y");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheRow() {
        byte[] gbk = {'h', '\n', 'a', ',', (byte) 0xCD, (byte) 0xF5, '\n'};
        assertThatThrownBy(() -> records(gbk)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_FILE_INVALID);
            assertThat(e.getMessage()).contains("row 2");
        });
    }

    @Test
    void refusesAQuoteNeverClosed() {
        assertThatThrownBy(() -> records("h\n\"open,x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_FILE_INVALID));
    }

    @Test
    void neverHoldsMoreThanOneRecordOfALongFile() throws IOException {
        // 200,000 rows streamed from a generator: the reader keeps only the current record
        InputStream endless = new InputStream() {
            private long left = 200_000L * 20;
            private final byte[] line = "GMS-1,CHILD,Ming,x\n".getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() {
                if (left-- <= 0) {
                    return -1;
                }
                byte b = line[at];
                at = (at + 1) % line.length;
                return b;
            }
        };
        int n = 0;
        try (ImportCsvReader reader = new ImportCsvReader(endless)) {
            while (reader.next() != null) {
                n++;
            }
        }
        assertThat(n).isGreaterThan(190_000);
    }

    @Test
    void theTemplateHeaderNamesEveryColumnInChineseAndEnglishAndItsExamplesAreClean() throws IOException {
        String template = ImportFormat.template();
        List<List<String>> rows = records(template.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0)).contains("会员编号/member_number", "剩余课时/credits_left");
        Map<Column, Integer> header = ImportFormat.header(rows.get(0));
        assertThat(header).hasSize(Column.values().length);
        RULES.plans();
        assertThat(ImportFormat.read(2, rows.get(1), header, RULES).problems()).isEmpty();
        assertThat(ImportFormat.read(3, rows.get(2), header, RULES).problems()).isEmpty();
    }

    @Test
    void acceptsHeadersInChineseOnlyAndEnglishOnly() {
        assertThat(ImportFormat.header(List.of("会员编号", "会员类型", "姓名"))).containsOnlyKeys(Column.MEMBER_NUMBER,
                Column.KIND, Column.NAME);
        assertThat(ImportFormat.header(List.of("Member Number", "kind", "NAME", ""))).hasSize(3);
    }

    @Test
    void refusesAHeaderWithoutARequiredColumnOrWithAnUnknownOrRepeatedOne() {
        for (List<String> header : List.of(List.of("member_number", "kind"), List.of("member_number", "kind", "name",
                "shoe_size"), List.of("member_number", "kind", "name", "姓名"))) {
            assertThatThrownBy(() -> ImportFormat.header(header)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_FILE_INVALID));
        }
    }

    @Test
    void readsAChildWithACreditPack() {
        Row row = read(CHILD).row();
        assertThat(row.kind()).isEqualTo(MemberKind.CHILD);
        assertThat(row.packageKind()).isEqualTo(PackageKind.CREDIT_PACK);
        assertThat(row.credits()).isEqualTo(10);
        assertThat(row.creditsLeft()).isEqualTo(7);
        assertThat(row.priceMinor()).isEqualTo(199_000L);
        assertThat(row.paymentMethod()).isEqualTo(PaymentMethod.WECHAT_PAY);
        assertThat(row.purchaseDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(row.frozen()).isFalse();
        assertThat(row.toString()).doesNotContain("Ming");
    }

    @Test
    void readsChineseValuesAndDateForms() {
        Row row = read("GMS-2,,成人,李雷,,+86 139-0000-1111,,,,期限卡,Gym year,,,2026年1月1日,2026/12/31,3600,支付宝,"
                + "2025.12.28,冻结,2027-01-15").row();
        assertThat(row.kind()).isEqualTo(MemberKind.ADULT);
        assertThat(row.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(row.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(row.priceMinor()).isEqualTo(360_000L);
        assertThat(row.paymentMethod()).isEqualTo(PaymentMethod.ALIPAY);
        assertThat(row.frozen()).isTrue();
        assertThat(row.frozenUntil()).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void readsAMemberWithoutPackage() {
        Row row = read("GMS-3,,ADULT,Li Lei,110101199001011234,,,,,,,,,,,,,,,").row();
        assertThat(row.hasPackage()).isFalse();
    }

    @Test
    void aPackWithCreditsLeftOnlyBoughtAsManyAndOneWithNoneLeftMustSayHowMany() {
        assertThat(read(CHILD.replace("Phonics 10,10,7", "Phonics 10,,7")).row().credits()).isEqualTo(7);
        assertProblem(CHILD.replace("Phonics 10,10,7", "Phonics 10,,0"), Column.CREDITS, Problem.MISSING_VALUE);
    }

    @Test
    void findsEachKindOfProblemInItsColumn() {
        assertProblem(CHILD.replace("Phonics 10", "Ballet 20"), Column.PLAN, Problem.UNKNOWN_PLAN);
        assertProblem(CHILD.replace(",10,7,", ",10,-3,"), Column.CREDITS_LEFT, Problem.NEGATIVE_CREDITS);
        assertProblem(CHILD.replace(",10,7,", ",10,seven,"), Column.CREDITS_LEFT, Problem.NOT_A_NUMBER);
        assertProblem(CHILD.replace(",10,7,", ",10,11,"), Column.CREDITS_LEFT, Problem.CREDITS_OUT_OF_RANGE);
        assertProblem(CHILD.replace(",10,7,", ",10001,7,"), Column.CREDITS, Problem.CREDITS_OUT_OF_RANGE);
        assertProblem(CHILD.replace("2026-03-01", "March 1st"), Column.PURCHASE_DATE, Problem.UNREADABLE_DATE);
        assertProblem(CHILD.replace("2026-03-01", "2026-02-30"), Column.PURCHASE_DATE, Problem.UNREADABLE_DATE);
        assertProblem(CHILD.replace("2026-03-01", "2027-03-01"), Column.PURCHASE_DATE, Problem.DATE_OUT_OF_RANGE);
        assertProblem(CHILD.replace("2026-03-01", "2001-03-01"), Column.PURCHASE_DATE, Problem.DATE_OUT_OF_RANGE);
        assertProblem(CHILD.replace("138 1234 5678", "138-12"), Column.GUARDIAN_PHONE, Problem.PHONE_MALFORMED);
        assertProblem(CHILD.replace("138 1234 5678", "call mum"), Column.GUARDIAN_PHONE, Problem.PHONE_MALFORMED);
        assertProblem(CHILD.replace("Wang Fang", ""), Column.GUARDIAN_NAME, Problem.GUARDIAN_REQUIRED);
        assertProblem(CHILD.replace("CHILD", "PUPPY"), Column.KIND, Problem.UNKNOWN_KIND);
        assertProblem(CHILD.replace("WECHAT_PAY", "BITCOIN"), Column.PAYMENT_METHOD, Problem.UNKNOWN_PAYMENT_METHOD);
        assertProblem(CHILD.replace("1990.00", "-5"), Column.PRICE_PAID, Problem.AMOUNT_INVALID);
        assertProblem(CHILD.replace("1990.00", "19.905"), Column.PRICE_PAID, Problem.AMOUNT_INVALID);
        assertProblem(CHILD.replace("1990.00", "1000000.01"), Column.PRICE_PAID, Problem.AMOUNT_INVALID);
        assertProblem(CHILD.replace("1990.00", "lots"), Column.PRICE_PAID, Problem.AMOUNT_INVALID);
        assertProblem(CHILD.replace("ACTIVE", "SLEEPING"), Column.STATUS, Problem.UNKNOWN_STATUS);
        assertProblem(CHILD.replace("ACTIVE,", "ACTIVE,2027-01-01"), Column.FROZEN_UNTIL,
                Problem.PACKAGE_INCONSISTENT);
        assertProblem(CHILD.replace("GMS-1,main", "GMS-1,east"), Column.CENTRE, Problem.WRONG_CENTRE);
        assertProblem(CHILD.replace("GMS-1", ""), Column.MEMBER_NUMBER, Problem.MISSING_VALUE);
        assertProblem(CHILD.replace("Xiao Ming", ""), Column.NAME, Problem.MISSING_VALUE);
        assertProblem(CHILD.replace("Xiao Ming", "x".repeat(101)), Column.NAME, Problem.TOO_LONG);
        assertProblem(CHILD.replace("Xiao Ming", "Xiao\u0007Ming"), Column.NAME, Problem.TEXT_INVALID);
        assertProblem(CHILD.replace("CREDIT_PACK", ""), Column.PACKAGE_KIND, Problem.MISSING_VALUE);
        assertProblem(CHILD.replace(",,1990", ",2026-01-01,1990"), Column.VALID_UNTIL, Problem.PACKAGE_INCONSISTENT);
        assertProblem("GMS-3,,ADULT,Li Lei,,,li@example,,,,,,,,,,,,,", Column.EMAIL, Problem.EMAIL_MALFORMED);
        assertProblem("GMS-3,,ADULT,Li Lei,,,,,,,,,,,,,,,,", Column.ID_NUMBER, Problem.IDENTITY_REQUIRED);
        assertProblem("GMS-4,,ADULT,Li Lei,,13900001111,,,,TIME_MEMBERSHIP,Gym year,,,2026-05-01,2026-04-30,1,CASH,"
                + "2026-04-01,,", Column.VALID_UNTIL, Problem.PACKAGE_INCONSISTENT);
        assertProblem("GMS-4,,ADULT,Li Lei,,13900001111,,,,TIME_MEMBERSHIP,Gym year,3,,2026-05-01,2026-06-30,1,CASH,"
                + "2026-04-01,,", Column.CREDITS, Problem.PACKAGE_INCONSISTENT);
        assertProblem("GMS-4,,ADULT,Li Lei,,13900001111,,,,TIME_MEMBERSHIP,Gym year,,,2026-05-01,,1,CASH,"
                + "2026-04-01,,", Column.VALID_UNTIL, Problem.MISSING_VALUE);
        assertProblem(CHILD + ",surplus", null, Problem.COLUMN_COUNT);
    }

    @Test
    void findsEveryProblemOfARowNotOnlyTheFirst() {
        Read read = read(CHILD.replace("Phonics 10", "Ballet").replace(",10,7,", ",10,-1,")
                .replace("WECHAT_PAY", "IOU"));
        assertThat(read.row()).isNull();
        assertThat(read.problems()).extracting(RowProblem::code).containsExactlyInAnyOrder(Problem.UNKNOWN_PLAN,
                Problem.NEGATIVE_CREDITS, Problem.UNKNOWN_PAYMENT_METHOD);
    }

    @Test
    void aReportShowsPersonalValuesMaskedAndOthersAsTheyAre() {
        Read read = read(CHILD.replace("138 1234 5678", "13812345"));
        assertThat(read.problems()).isEmpty();
        Read bad = read(CHILD.replace("138 1234 5678", "138123456789012345"));
        assertThat(bad.problems().get(0).value()).isEqualTo("138*************45");
        assertThat(ImportFormat.shown(Column.NAME, "王小明")).isEqualTo("王*明");
        assertThat(ImportFormat.shown(Column.PLAN, "Ballet")).isEqualTo("Ballet");
    }

    @Test
    void withNoPlansConfiguredAnyPlanIsKnown() {
        ImportFormat.Rules anyPlan = new ImportFormat.Rules(RULES.centre(), "CNY", Set.of(), RULES.limits(),
                RULES.validity(), RULES.today());
        assertThat(ImportFormat.read(2, cells(CHILD.replace("Phonics 10", "Ballet")), header(), anyPlan).problems())
                .isEmpty();
    }

    private static void assertProblem(String line, Column column, Problem code) {
        Read read = read(line);
        assertThat(read.row()).as(line).isNull();
        assertThat(read.problems()).as(line).anySatisfy(p -> {
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.row()).isEqualTo(2);
        });
    }

    private static Read read(String line) {
        return ImportFormat.read(2, cells(line), header(), RULES);
    }

    private static Map<Column, Integer> header() {
        return ImportFormat.header(cells(HEADER));
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.split(",", -1));
    }
}
