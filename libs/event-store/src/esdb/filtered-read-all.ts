import type { CallOptions, Metadata } from '@grpc/grpc-js';
import type {
  AllStreamResolvedEvent,
  BaseOptions,
  Direction,
  EventStoreDBClient,
  Filter,
  ReadPosition,
  StreamingRead,
} from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';

export interface FilteredReadAllOptions {
  readonly direction: Direction;
  readonly fromPosition: ReadPosition;
  readonly filter: Filter;
}

/** The protected members of the 6.2.1 client that its own readAll is built from. */
interface ClientInternals {
  GRPCStreamCreator<T>(
    client: typeof StreamsClient,
    debugName: string,
    creator: (client: StreamsClient) => T,
  ): () => Promise<T>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

/**
 * A read of $all with a server-side filter. The server's gRPC Read takes a filter for $all reads
 * as it does for subscriptions, but client 6.2.1's readAll always sends "no filter" (the option
 * arrived in a later release, EventStore-Client-NodeJS#406). This sends the request that readAll builds, with the
 * filter expression that subscribeToAll uses, over the client's own connection. It relies on the
 * client's internals, so the client version is pinned; replace this with readAll({ filter }) when
 * upgrading.
 */
export function readAllFiltered(
  client: EventStoreDBClient,
  options: FilteredReadAllOptions,
): StreamingRead<AllStreamResolvedEvent> {
  const internals = client as unknown as ClientInternals;
  if (
    typeof internals.GRPCStreamCreator !== 'function' ||
    typeof internals.callArguments !== 'function'
  ) {
    throw new Error(
      'Filtered $all reads rely on @eventstore/db-client 6.2.1 internals, which this client lacks',
    );
  }
  const request = new ReadReq().setOptions(readOptions(options));
  const createStream = internals.GRPCStreamCreator(StreamsClient, 'readAll', (grpc) =>
    grpc.read(request, ...internals.callArguments({}, { deadline: Infinity })),
  );
  return new ReadStream(
    createStream,
    convertGrpcEvent,
    {},
  ) as unknown as StreamingRead<AllStreamResolvedEvent>;
}

function readOptions({ direction, fromPosition, filter }: FilteredReadAllOptions): ReadReq.Options {
  const all = new ReadReq.Options.AllOptions();
  if (fromPosition === 'start') all.setStart(new Empty());
  else if (fromPosition === 'end') all.setEnd(new Empty());
  else {
    all.setPosition(
      new ReadReq.Options.Position()
        .setCommitPosition(fromPosition.commit.toString(10))
        .setPreparePosition(fromPosition.prepare.toString(10)),
    );
  }
  return new ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setCount(Number.MAX_SAFE_INTEGER.toString(10))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()))
    .setFilter(filterOptions(filter))
    .setReadDirection(
      direction === 'forwards'
        ? ReadReq.Options.ReadDirection.FORWARDS
        : ReadReq.Options.ReadDirection.BACKWARDS,
    );
}

function filterOptions(filter: Filter): ReadReq.Options.FilterOptions {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in filter) expression.setPrefixList(filter.prefixes);
  else expression.setRegex(filter.regex);
  const options = new ReadReq.Options.FilterOptions()
    .setCount(new Empty())
    .setCheckpointintervalmultiplier(1);
  return filter.filterOn === 'streamName'
    ? options.setStreamIdentifier(expression)
    : options.setEventType(expression);
}
