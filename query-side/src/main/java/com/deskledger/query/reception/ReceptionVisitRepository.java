package com.deskledger.query.reception;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReceptionVisitRepository extends JpaRepository<ReceptionVisit, String> {

    List<ReceptionVisit> findByMemberId(String memberId);
}
