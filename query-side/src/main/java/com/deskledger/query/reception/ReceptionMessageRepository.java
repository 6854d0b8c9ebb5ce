package com.deskledger.query.reception;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReceptionMessageRepository extends JpaRepository<ReceptionMessage, String> {

    List<ReceptionMessage> findByVisitId(String visitId);
}
