package com.deskledger.kernel.complaint;

/** How serious a complaint is. Each severity has its own SLA targets; a major complaint is a manager's. */
public enum Severity {
    GENERAL, MAJOR
}
