/**
 * The enrolled people's changes that reach storage: saving a finished enrolment, renaming and
 * deleting. fg-app forwards the views' events here and gets the new people list back through
 * `onTemplates`; failures become notices that say what happened.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Template } from '../matching/templates';
import type { RecognitionModel } from '../models/registry';
import { describeError } from '../shared/errors';
import type { Store } from '../store';
import type { Box } from '../vision/types';
import { finishEnrolment } from './enrol-flow';
import type { Enrolment } from './enrolment';

/** What the controller needs from the app. */
export interface PeopleDeps {
  store: () => Store | null;
  modelSha256: () => string | undefined;
  /** The model the captures were embedded with: the person is enrolled for that model only. */
  model: () => RecognitionModel;
  captureThumbnail: (box: Box) => Promise<Blob | null>;
  onTemplates: (templates: Template[]) => void;
  onEnrolMessage: (message: string) => void;
  notify: (id: string, tone: 'error' | 'notice', text: string) => void;
}

/** Saves enrolments and applies renames and deletes, one save at a time. */
export class PeopleController implements ReactiveController {
  /** True while a finished enrolment is being written. */
  isSaving = false;

  constructor(host: ReactiveControllerHost, private readonly deps: PeopleDeps) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Writes a finished enrolment (embeddings, and the thumbnail only when asked for). */
  async saveEnrolment(enrolment: Enrolment): Promise<void> {
    const store = this.deps.store();
    const modelSha256 = this.deps.modelSha256();
    if (!store || !modelSha256 || this.isSaving) return;
    this.isSaving = true;
    this.deps.onEnrolMessage(`Saving ${enrolment.request.name}…`);
    const outcome = await finishEnrolment({ enrolment, store, modelSha256, model: this.deps.model(), captureThumbnail: this.deps.captureThumbnail });
    this.isSaving = false;
    if (outcome.templates) this.deps.onTemplates(outcome.templates);
    this.deps.onEnrolMessage(outcome.message);
  }

  rename = (event: HTMLElementEventMap['person-rename']) => void this.change((store) => store.people.rename(event.personId, event.name));

  delete = (event: HTMLElementEventMap['person-delete']) => void this.change((store) => store.people.delete(event.personId));

  private async change(apply: (store: Store) => Promise<unknown>): Promise<void> {
    const store = this.deps.store();
    if (!store) return;
    try {
      await apply(store);
      this.deps.onTemplates(await store.people.list());
    } catch (error) {
      this.deps.notify('people', 'error', describeError(error));
    }
  }
}
