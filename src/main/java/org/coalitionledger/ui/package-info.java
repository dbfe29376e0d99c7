/**
 * The web pages: the overview, a coalition moved through time, a party, the record forms, the audit pages and the
 * login page, rendered on the server with Thymeleaf from the same queries and the same {@code Recorder} as the API;
 * and the live updates that tell an open coalition page about newly recorded acts (Server-Sent Events).
 */
package org.coalitionledger.ui;
