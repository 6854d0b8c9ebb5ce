package com.deskledger.kernel.member.command;

/** How many units of one sale line (numbered from 1) are given back. */
public record LineQuantity(int line, int quantity) {
}
