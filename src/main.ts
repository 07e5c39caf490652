/** FaceGap's entry point: registers the app element, nothing else. */
import './app/fg-app';
