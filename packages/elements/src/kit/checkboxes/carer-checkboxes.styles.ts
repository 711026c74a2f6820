import { css } from 'lit';

export const checkboxesStyles = css`
  .option input[type='checkbox'] {
    border-radius: 0;
  }
`;
