// Every request the browser makes while a package runs, with the frame that made it, so a test can say that nothing
// left the package's own origin except for the LMS and its LRS. The package and the preview LMS share one origin;
// what the course frame may ask for is narrower still: the package's files, and (xAPI, cmi5) the LRS, the cmi5 fetch
// URL and the returnURL the LMS gave it.
import type { Page, Request } from 'playwright-core';
import type { PreviewLms } from './lms.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  /** 'lms' for the LMS page itself, 'course' for the course frame (or anything opened from it). */
  by: 'lms' | 'course';
  body: string | null;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];

  constructor(private readonly lms: PreviewLms) {}

  /** Record the requests of a page (call for every page the scenario opens). */
  watch(page: Page): void {
    page.on('request', (request: Request) => {
      let by: RecordedRequest['by'] = 'course';
      try {
        const frame = request.frame();
        // The LMS page, or one of the LMS's own pages shown in the frame (cmi5's returnURL once the course has exited).
        by = frame === page.mainFrame() || frame.url().startsWith(`${this.lms.origin}${this.lms.basePath}/lms/`) ? 'lms' : 'course';
      } catch {
        // A request without a frame (a worker's): counted as the course's, the stricter case.
      }
      this.requests.push({ method: request.method(), url: request.url(), by, body: request.postData() });
    });
  }

  /** Requests that went anywhere they should not; empty when all is well. */
  strays(): string[] {
    const { origin, basePath } = this.lms;
    const course = [`${origin}${basePath}/content/`, `${origin}${basePath}/xapi/`, `${origin}${basePath}/cmi5/fetch/`, `${origin}${basePath}/lms/returned`];
    return this.requests
      .filter((request) => !/^(data|blob|about):/.test(request.url))
      .filter((request) => (request.by === 'lms' ? !request.url.startsWith(`${origin}/`) : !course.some((prefix) => request.url.startsWith(prefix))))
      .map((request) => `${request.by}: ${request.method} ${request.url}`);
  }
}
