package com.deskledger.command.member;

/**
 * One problem of the dry run: the file's row (its spreadsheet row number; the header is row 1), the column (its
 * English name; null for the row as a whole), the value as found (personal values masked), the code and what is
 * wrong.
 */
public record ImportProblem(int row, String column, String value, String code, String problem) {
}
