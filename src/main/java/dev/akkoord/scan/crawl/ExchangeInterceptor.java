package dev.akkoord.scan.crawl;

import io.vertx.core.Handler;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.client.impl.HttpContext;

/**
 * Lets an {@link Exchange} see its request once sent (to reset it on time-out) and its response head before the body
 * is read (to refuse a body it does not want). Registered once on the crawler's Web Client.
 */
final class ExchangeInterceptor implements Handler<HttpContext<?>> {

    @Override
    public void handle(HttpContext<?> context) {
        if (context.request().bodyCodec() instanceof Exchange exchange) {
            if (context.phase() == ClientPhase.SEND_REQUEST) {
                exchange.sent(context.clientRequest());
            } else if (context.phase() == ClientPhase.RECEIVE_RESPONSE && !exchange.received(context.clientResponse())) {
                context.fail(new Exchange.Aborted(exchange.abort()));
                return;
            }
        }
        context.next();
    }
}
