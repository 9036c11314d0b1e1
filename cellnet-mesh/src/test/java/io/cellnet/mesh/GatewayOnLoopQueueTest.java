package io.cellnet.mesh;

import io.cellnet.EventQueue;
import io.cellnet.netty.NettyQueues;

/**
 * Every {@link GatewayTest} again with the gateway on a loop queue ({@link NettyQueues#loop}), the
 * set-up that forwards with no hand-off: routing, binding, failover and the route table reload run
 * on the I/O thread of the client and backend connections.
 */
class GatewayOnLoopQueueTest extends GatewayTest {

    @Override
    EventQueue gatewayQueue() {
        EventQueue q = NettyQueues.loop("gateway");
        ownQueues.add(q);
        return q;
    }
}
