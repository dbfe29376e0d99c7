package org.coalitionledger.ui;

import org.coalitionledger.common.Checks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream an open coalition page listens to: an {@code act} event whenever an act about it is recorded. */
@Controller
class LivePage {

    private final LiveUpdates live;

    LivePage(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/coalitions/{coalition}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@PathVariable String coalition) {
        String id = Checks.slug("coalition", coalition);
        return live.listen(id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
    }
}
