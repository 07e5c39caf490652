/** Saving a finished enrolment: template, optional thumbnail, store; the outcome as a sentence. */
import { createTemplate, type Template } from '../matching/templates';
import type { RecognitionModel } from '../models/registry';
import type { Store } from '../store';
import type { Box } from '../vision/types';
import type { Enrolment } from './enrolment';

/** What saving an enrolment needs; the thumbnail is cut only when the user opted in. */
export interface FinishEnrolmentInput {
  enrolment: Enrolment;
  store: Store;
  modelSha256: string;
  /** The model the captures come from (faceres when absent); the person is enrolled for it only. */
  model?: Pick<RecognitionModel, 'id' | 'dim' | 'scoreId' | 'label'>;
  captureThumbnail(box: Box): Promise<Blob | null>;
}

/** The sentence to show, and everyone enrolled when the save worked. */
export interface FinishEnrolmentOutcome {
  message: string;
  templates?: Template[];
}

/** Builds the template and stores it. Never rejects: failures come back as sentences. */
export async function finishEnrolment({ enrolment, store, modelSha256, model, captureThumbnail }: FinishEnrolmentInput): Promise<FinishEnrolmentOutcome> {
  const { request } = enrolment;
  const built = createTemplate({ name: request.name, embeddings: enrolment.captures, modelSha256, labels: request.labels, model });
  if (!built.ok) return { message: `${request.name} was not enrolled: ${built.problem}` };
  let didSwitchThumbnailsOn = false;
  try {
    let thumbnail: Blob | undefined;
    if (request.keepThumbnail && enrolment.lastBox) {
      thumbnail = (await captureThumbnail(enrolment.lastBox)) ?? undefined;
      // Only ever switched on here: switching it off deletes everyone's thumbnails.
      if (thumbnail && !(await store.settings.get('storeThumbnails'))) {
        await store.settings.set('storeThumbnails', true);
        didSwitchThumbnailsOn = true;
      }
    }
    const saved = await store.people.add(built.template, { thumbnail });
    const kept = saved.thumbnailId ? 'its embeddings and a small thumbnail were kept' : 'only its embeddings were kept, no picture';
    return {
      message: `Enrolled ${saved.name} from ${saved.embeddings.length} captures${model ? ` with ${model.label}` : ''}: ${kept}.`,
      templates: await store.people.list(),
    };
  } catch (error) {
    // The person was not saved, so neither is the opt-in made for them. It was off before, so no
    // thumbnail exists and switching it back off deletes nothing.
    if (didSwitchThumbnailsOn) await store.settings.set('storeThumbnails', false).catch(() => undefined);
    return { message: error instanceof Error ? error.message : `${request.name} could not be saved (${String(error)}).` };
  }
}
