/** The reception read model: visits and calls by channel and hour, rings, consultants, messages, conversions. */
package com.deskledger.query.reception;
