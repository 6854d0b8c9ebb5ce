/**
 * Notices to guardians: the one place that maps events to notices ({@code NoticeRules}), the consenting recipients,
 * and the outbox rows written in the transaction that appends each notice's cause.
 */
package com.deskledger.command.notice;
