package com.deskledger.kernel.member;

/** A purchase is a package (credits or membership) or a desk sale of products. */
public enum PurchaseKind {
    PACKAGE,
    PRODUCTS
}
