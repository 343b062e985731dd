import type { ComponentChildren } from 'preact';
import type { Area } from './Layout.tsx';
import { Layout, type LayoutViewer } from './Layout.tsx';

/**
 * The confirmation step of a destructive action, as its own page so it works
 * without JavaScript: it says what will happen, and only its POST does it.
 */
export function ConfirmPage(props: {
  viewer: LayoutViewer & { csrf: string };
  area?: Area;
  title: string;
  children: ComponentChildren;
  action: string;
  confirm: string;
  cancel: string;
  /** Extra fields to post with the confirmation (for instance, who takes over the accounts). */
  fields?: ComponentChildren;
}) {
  return (
    <Layout title={props.title} viewer={props.viewer} area={props.area}>
      <h1>{props.title}</h1>
      <div class="confirm">{props.children}</div>
      <form method="post" action={props.action} class="form" data-testid="confirm-form">
        <input type="hidden" name="csrf" value={props.viewer.csrf} />
        {props.fields}
        <div class="button-row">
          <button type="submit" class="danger" data-testid="confirm">
            {props.confirm}
          </button>
          <a href={props.cancel} class="button">
            Cancel
          </a>
        </div>
      </form>
    </Layout>
  );
}
