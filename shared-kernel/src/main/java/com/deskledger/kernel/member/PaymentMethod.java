package com.deskledger.kernel.member;

/** How the customer paid; a refund goes back the same way. */
public enum PaymentMethod {
    CASH,
    CARD,
    WECHAT_PAY,
    ALIPAY,
    TRANSFER
}
