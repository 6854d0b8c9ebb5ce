package com.deskledger.kernel.member;

/** What the desk sells besides packages (manual 000: toys, birthday parties, merchandise). */
public enum ProductCategory {
    TOY,
    BIRTHDAY_PARTY,
    MERCHANDISE,
    OTHER
}
