package com.deskledger.command.member;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.command.ChangeNoticeConsentCommand;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.NoticeConsentChangedEvent;
import com.deskledger.kernel.notice.NoticeChannel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

/** The guardian's consent to notices, part of the member's sealed contact details: every rule of it. */
class MemberNoticeConsentTest {

    private static final MemberId MEMBER = MemberId.of("3f7c2a10-0000-4000-8000-0000000000c1");
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId DESK = StaffId.of("reception");
    private static final StaffId MANAGER = StaffId.of("manager");
    private static final Instant ENROLLED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-03T02:00:00Z");

    private FixtureConfiguration<MemberAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAccount.class);
        fixture.registerInjectableResource(new FakeVault());
    }

    @Test
    void recordsConsentWithTheAddressSealed() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, "13812345678", DESK, LATER))
                .expectEvents(new NoticeConsentChangedEvent(MEMBER, true, NoticeChannel.SMS,
                        FakeVault.sealed(MEMBER, "13812345678"), DESK, LATER));
    }

    @Test
    void changesTheChannelOfAGivenConsent() {
        fixture.given(enrolled(), consented())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.WECHAT, "wx-fang", DESK, LATER))
                .expectEvents(new NoticeConsentChangedEvent(MEMBER, true, NoticeChannel.WECHAT,
                        FakeVault.sealed(MEMBER, "wx-fang"), DESK, LATER));
    }

    @Test
    void withdrawsAGivenConsent() {
        fixture.given(enrolled(), consented())
                .when(new ChangeNoticeConsentCommand(MEMBER, false, null, null, DESK, LATER))
                .expectEvents(new NoticeConsentChangedEvent(MEMBER, false, null, null, DESK, LATER));
    }

    @Test
    void rejectsAWithdrawalWithoutConsent() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, false, null, null, DESK, LATER))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOTHING_TO_CHANGE));
        fixture.given(enrolled(), consented(), new NoticeConsentChangedEvent(MEMBER, false, null, null, DESK, LATER))
                .when(new ChangeNoticeConsentCommand(MEMBER, false, null, null, DESK, LATER))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOTHING_TO_CHANGE));
    }

    @Test
    void rejectsConsentWithoutChannel() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, null, "13812345678", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "channel"));
    }

    @Test
    void rejectsConsentWithoutAddress() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, " ", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, null, DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
    }

    @Test
    void rejectsAnAddressTheChannelCannotSendTo() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, "fang@example.com", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.EMAIL, "13812345678", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.WECHAT, "wx fang", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
    }

    @Test
    void acceptsAnAddressOfEachChannel() {
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.EMAIL, "fang@example.com", DESK,
                        LATER))
                .expectEvents(new NoticeConsentChangedEvent(MEMBER, true, NoticeChannel.EMAIL,
                        FakeVault.sealed(MEMBER, "fang@example.com"), DESK, LATER));
        fixture.given(enrolled())
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, "+86 138-1234 5678", DESK,
                        LATER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAWithdrawalNamingAChannelOrAddress() {
        fixture.given(enrolled(), consented())
                .when(new ChangeNoticeConsentCommand(MEMBER, false, NoticeChannel.SMS, null, DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "channel"));
        fixture.given(enrolled(), consented())
                .when(new ChangeNoticeConsentCommand(MEMBER, false, null, "13812345678", DESK, LATER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "address"));
    }

    @Test
    void rejectsConsentForAnErasedMember() {
        fixture.given(enrolled(), new MemberErasedEvent(MEMBER, MANAGER, LATER))
                .when(new ChangeNoticeConsentCommand(MEMBER, true, NoticeChannel.SMS, "13812345678", DESK, LATER))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.MEMBER_ERASED));
    }

    private static MemberEnrolledEvent enrolled() {
        return new MemberEnrolledEvent(MEMBER, CENTRE, MemberKind.CHILD, FakeVault.sealed(MEMBER, "Xiao Ming"), null,
                FakeVault.sealed(MEMBER, "Wang Fang"), FakeVault.sealed(MEMBER, "13812345678"), null, null, null,
                "CNY", DESK, ENROLLED);
    }

    private static NoticeConsentChangedEvent consented() {
        return new NoticeConsentChangedEvent(MEMBER, true, NoticeChannel.SMS, FakeVault.sealed(MEMBER, "13812345678"),
                DESK, ENROLLED);
    }

    private static Matcher<DomainException> refusal(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception) {
                return exception.code() == code && field.equals(exception.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code).appendText(" on ")
                        .appendValue(field);
            }
        };
    }
}
