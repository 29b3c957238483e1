// What a control route tells the OpenAPI document (openapi.ts) about itself, declared beside its handler in routes.ts.
import type { z } from 'zod';
import type { OperationName } from '../../api/names.js';

/** A query parameter (or a header) the route reads. */
export interface ParameterDoc {
  name: string;
  in: 'query' | 'header';
  description: string;
  /** Its schema: the request field it fills in (`listPending.username`), or the route's own. */
  schema: z.ZodType;
}

export interface RouteDoc {
  /** The operation the route runs: the ok envelope's value is its answer, its request the body. */
  operation?: OperationName;
  /** Names in the path and the request field each fills in (`:id` → phoneId); they win over the body's. */
  fromPath?: Readonly<Record<string, string>>;
  /** Request fields the route sets itself (`/clock/pause`: running false); they win over the body's. */
  fixed?: Readonly<Record<string, unknown>>;
  /** The body is this one field of the request (the phone-state patch), not an object of fields. */
  bodyField?: string;
  /** No body: the request comes from the path and the query (every GET). */
  noBody?: boolean;
  /** The body may also be a scenario file as it is (application/yaml). */
  yamlBody?: boolean;
  parameters?: readonly ParameterDoc[];
  /** The ok envelope's value, when it is not the operation's answer. */
  answer?: z.ZodType;
  /** Other ways the route answers (200 with another media type), besides the JSON envelope. */
  alsoAnswers?: Readonly<Record<string, string>>;
  /** Answers with this media type only, not an envelope (the event stream, the OpenAPI document). */
  only?: { mediaType: string; description: string; schema?: Record<string, unknown> };
  /** Refusals particular to this route, by status: 422 for a bad scenario file, 503 when streams are full. */
  refusals?: Readonly<Record<number, string>>;
  /** The route stands for every operation of the contract (`/op/:name`). */
  eachOperation?: boolean;
}

/** One route as `GET /control` lists it and the document describes it. */
export interface RouteInfo {
  method: 'GET' | 'POST';
  /** The full path, /control included; `:name` marks a part of the path. */
  path: string;
  description: string;
  doc: RouteDoc;
}
