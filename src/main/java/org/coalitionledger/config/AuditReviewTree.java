package org.coalitionledger.config;

import org.coalitionledger.audit.AuditService;
import org.coalitionledger.review.ReviewTree;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Answers the review feature's questions about the audit tree from the audit service. */
@Component
class AuditReviewTree implements ReviewTree {

    private final AuditService audit;

    AuditReviewTree(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public Checkpoint checkpoint(String field, long treeSize) {
        org.coalitionledger.audit.Checkpoint checkpoint = audit.checkpointOfSize(field, treeSize);
        return new Checkpoint(checkpoint.treeSize(), checkpoint.rootHex());
    }

    @Override
    public java.util.Optional<Checkpoint> latest() {
        return audit.checkpoints().stream().max(java.util.Comparator.comparingLong(
                        org.coalitionledger.audit.Checkpoint::treeSize))
                .map(checkpoint -> new Checkpoint(checkpoint.treeSize(), checkpoint.rootHex()));
    }

    @Override
    public Map<String, Long> positions(List<String> recordIds) {
        return audit.positions(recordIds);
    }
}
