package com.deskledger.query.complaints;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ComplaintCaseViewRepository extends JpaRepository<ComplaintCaseView, String> {

    /** The complaints a member filed (a JPA query: it sees the rows of the batch not yet written as well). */
    List<ComplaintCaseView> findByMemberId(String memberId);
}
