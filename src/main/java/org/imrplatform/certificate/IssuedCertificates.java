package org.imrplatform.certificate;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** The certificates issued to a person, for other modules' pages (a facilitator's whole picture). */
@Service
public class IssuedCertificates {

    private final Certificates certificates;

    IssuedCertificates(Certificates certificates) {
        this.certificates = certificates;
    }

    public Optional<Certificate> of(long accountId, String courseId) {
        return certificates.find(accountId, courseId);
    }
}
