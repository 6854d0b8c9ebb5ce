package com.deskledger.kernel.member;

/** A child, who comes with a guardian, or an adult who comes on their own. */
public enum MemberKind {
    CHILD,
    ADULT
}
