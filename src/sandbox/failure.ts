/**
 * An answer other than success, thrown by handlers and turned into an HTTP
 * status with a `{code, message}` body in one place.
 */

/** A refused call: the HTTP status doubles as the envelope `code`. */
export class ApiFailure extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiFailure";
    this.status = status;
  }
}

/** Shorthand for a 400 about one parameter. */
export function badParameter(name: string, value: string, want: string): ApiFailure {
  return new ApiFailure(400, `Parameter '${name}' is '${value}'; expected ${want}`);
}

/** Shorthand for a 404 about one resource. */
export function notFound(kind: string, id: bigint): ApiFailure {
  return new ApiFailure(404, `${kind} ${id} not found`);
}
